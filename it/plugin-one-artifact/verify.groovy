def log = new File(basedir, 'build.log').text
assert log.contains('devcontainer:generate'), 'help did not run'

// [DEBUG] Populating class realm plugin>io.github.dind:devcontainer-maven-plugin:VERSION
// [DEBUG]   Included: GROUP:ARTIFACT:jar:VERSION   (one line per artifact in the realm)
def lines = log.readLines()
def start = lines.findIndexOf { it.contains('Populating class realm plugin>io.github.dind:devcontainer-maven-plugin') }
assert start >= 0, 'no plugin realm in the -X log'
def included = lines.drop(start + 1).takeWhile { it.contains('Included: ') }
        .collect { it.substring(it.indexOf('Included: ') + 'Included: '.length()).trim() }
assert included.any { it.startsWith('io.github.dind:devcontainer-maven-plugin:') }, "the plugin itself is missing: $included"
// Maven 3.8 adds plexus-utils to every plugin that does not depend on it; nothing else may be there
def others = included.findAll { !it.startsWith('io.github.dind:devcontainer-maven-plugin:') && !it.startsWith('org.codehaus.plexus:plexus-utils:') }
assert others.isEmpty(), "the plugin realm holds more than the plugin: $others"

true
