// The remote user (dev) builds in the bind-mounted project: on Linux, clients map its UID to the
// host user's (updateRemoteUserUID); verify does not, so the folder is opened to it here.
assert new File(basedir.toString()).setWritable(true, false)
true
