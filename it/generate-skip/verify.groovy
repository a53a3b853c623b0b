assert !new File(basedir, '.devcontainer').exists()
def log = new File(basedir, 'build.log').text
assert log.contains('Skipping devcontainer:generate (devcontainer.generate.skip=true)')

true
