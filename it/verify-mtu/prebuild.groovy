// The network the devcontainer joins (runArgs in client/devcontainer.json), MTU 1400.
def network = 'devcontainer-it-mtu1400'
['docker', 'network', 'rm', network].execute().waitFor()
def create = ['docker', 'network', 'create', '--label', 'devcontainer-maven-plugin.it=verify-mtu',
              '--opt', 'com.docker.network.driver.mtu=1400', network].execute()
create.consumeProcessOutput(System.out, System.err)
assert create.waitFor() == 0
true
