import static io.github.dind.devcontainer.it.Commands.*

// The image the suite runs: debian:trixie (on the engine) with a perl listener on port 8080 (perl-base
// is in every debian image); built on the host, since no registry is reachable, and preloaded into
// the devcontainer by preloadImages. verify.groovy removes it.
def context = new File(basedir, 'target/listener')
context.mkdirs()
new File(context, 'listener.pl').text = '''use IO::Socket::INET;
$| = 1;
my $server = IO::Socket::INET->new(LocalPort => 8080, Listen => 5, ReuseAddr => 1) or die "listen: $!";
print "listening\\n";
while (my $client = $server->accept) {
    print $client "hello from listener\\n";
    close $client;
}
'''
new File(context, 'Dockerfile').text = '''FROM debian:trixie
LABEL devcontainer-maven-plugin.it=verify-testcontainers
COPY listener.pl /listener.pl
CMD ["perl", "/listener.pl"]
'''
println ok(['docker', 'build', '-q', '-t', 'it-tc-listener:1', context.path], basedir, 300).out
true
