io.github.dind.devcontainer.it.HostTools.require(basedir, 'npm')
