def log = new File(basedir, 'build.log').text
assert log.contains('javaVersion') : 'the error names the parameter'
assert log.contains('"17" must be a Java version debian ships (21, 25) or none')
assert !new File(basedir, '.devcontainer').exists() : 'nothing is written'
true
