// shellcheck, which checks every distribution's startup.sh here: without it this IT is skipped with
// a warning, except under CI=true, where it fails (../shared/docker-host/provision installs it).
io.github.dind.devcontainer.it.HostTools.require(basedir, 'shellcheck')
