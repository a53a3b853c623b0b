import static io.github.dind.devcontainer.it.Commands.*

// a repository with one commit, as a clone is
new File(basedir, '.gitignore').text = 'target/\n*.log\n'
new File(basedir, 'README.md').text = '# verify-commits\n'
ok(['git', 'init', '-q', '-b', 'main'], basedir)
ok(['git', 'add', '-A'], basedir)
ok(['git', '-c', 'user.name=it', '-c', 'user.email=it@example.com', 'commit', '-q', '-m', 'first'], basedir)
true
