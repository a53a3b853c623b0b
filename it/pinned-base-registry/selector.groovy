// The host tools this IT needs besides the engine (README, Development): without one it is
// skipped with a warning, except under CI=true, where it fails.
io.github.dind.devcontainer.it.HostTools.require(basedir, 'registry', 'skopeo', 'forky')
