def dir = new File('/tmp/devcontainer-it-docker-config')
dir.mkdirs()
new File(dir, 'config.json').text = '''{"proxies": {"default": {
  "httpProxy": "http://proxy.invalid:3128", "httpsProxy": "http://proxy.invalid:3129", "noProxy": "localhost"}}}
'''
true
