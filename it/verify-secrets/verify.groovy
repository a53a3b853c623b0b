import static io.github.dind.devcontainer.it.Commands.*

def log = new File(basedir, 'build.log').text
def github = /history row \d+: GITHUB_TOKEN holds a GitHub token \(ghp_…, 40 characters\)/
def inLabel = 'label devcontainer.metadata, entry 1, containerEnv: NPM_TOKEN holds an npm access token (npm_…, 40 characters)'
def inLabelRow = /history row \d+: NPM_TOKEN holds an npm access token \(npm_…, 40 characters\)/

// the build let the allowed argument through, and its log shows the label's step with the token hidden
assert log =~ /Built verify-secrets-devcontainer:1\.0\.0/
assert log =~ /Step \d+\/\d+ : LABEL devcontainer\.metadata=\[\{"containerEnv":\{"NPM_TOKEN":"\[hidden: npm_…, 40 characters\]"/
// verify names each place, the log's summary line included
assert log =~ /FAILED\s+\d+\.\d\d s\s+no credential in the image's history, environment or labels/
def summary = log.readLines().find { it.contains('  - no-secrets (') }
assert summary != null : 'the failure summary names the check'
assert summary.contains('3 values look like a credential in the image')
assert log.contains('BUILD FAILURE')

// the JUnit report has the whole detail: the history rows (the RUN after the ARG, the LABEL line) and the label
def report = new File(basedir, 'target/devcontainer-reports/TEST-devcontainer-verify.xml')
def suite = new groovy.xml.XmlSlurper().parse(report)
assert suite.@failures.text() == '1'
def failed = suite.testcase.find { it.@name.text().startsWith('no-secrets: ') }
def detail = failed.failure.text()
assert detail =~ github
assert detail =~ inLabelRow
assert detail.contains(inLabel)
assert !detail.contains('SAFE_TOKEN') : 'a ${localEnv:...} reference is no secret'
assert detail.contains('list its name (or its format\'s id) in allowedSecrets')

// neither value is printed: only the public prefixes and the lengths
assert !log.contains('ITfakeITfake') : 'no token in the log'
assert !report.text.contains('ITfakeITfake') : 'no token in the report'

// nothing is left: the container, its volumes and (it holds made-up tokens) the image
assert stdout(['docker', 'ps', '-aq', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
assert stdout(['docker', 'volume', 'ls', '-q', '--filter', 'label=io.github.dind.devcontainer.role=verify', '--filter', projectLabel(basedir)]).trim().isEmpty()
stdout(['docker', 'image', 'rm', 'verify-secrets-devcontainer:1.0.0', 'verify-secrets-devcontainer:latest'])
true
