def log = new File(basedir, 'build.log').text
assert log.contains("Java: JDK 21 (openjdk-21-jdk-headless) for Java 17 from the maven-compiler-plugin's <release>:"
        + " debian ships no JDK 17 (it ships 21, 25), so the nearest newer one, whose javac compiles --release 17")
def dockerfile = new File(basedir, '.devcontainer/Dockerfile').text
assert dockerfile =~ /(?m)^\s+openjdk-21-jdk-headless \\$/
assert !dockerfile.contains('openjdk-17') && !dockerfile.contains('openjdk-25')
assert dockerfile.contains('ENV JAVA_HOME="/usr/lib/jvm/java-21-openjdk"')
assert new File(basedir, '.devcontainer/devcontainer.json').text.contains('"javaVersion": "21"')
true
