import static io.github.dind.devcontainer.it.Commands.*

// templates/Dockerfile.mustache: the plugin's own template plus an iptables-nft that lists rules but
// fails to create a chain, before startup.sh is copied in.
def bundled = bundledTemplate('Dockerfile.mustache')
def marker = 'COPY startup.sh '
assert bundled.contains(marker)
def extra = '''RUN rm /usr/sbin/iptables-nft \\
    && printf '#!/bin/sh\\nfor a in "$@"; do case "$a" in -N|--new-chain) echo "iptables-nft: cannot create chains on this host (IT)" >&2; exit 4;; esac; done\\nexec /usr/sbin/xtables-nft-multi iptables "$@"\\n' >/usr/sbin/iptables-nft \\
    && chmod 0755 /usr/sbin/iptables-nft

'''
new File(basedir, 'templates').mkdirs()
new File(basedir, 'templates/Dockerfile.mustache').text = bundled.replace(marker, extra + marker)
true
