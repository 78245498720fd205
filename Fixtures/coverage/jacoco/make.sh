#!/usr/bin/env bash
# Regenerates jacoco.xml: JaCoCo's XML report for src/main/java, from a run under the JaCoCo agent.
# Maven Central is unreachable here, so the agent and report library come from Debian's
# libjacoco-java 0.8.6 (apt-get install libjacoco-java) and tools/JacocoXml.java does what
# `jacococli report --xml` does with the same library calls. Made with OpenJDK 17.0.15:
#   ./make.sh
set -euo pipefail
cd "$(dirname "$0")"
build=$(mktemp -d)
trap 'rm -rf "$build"' EXIT
J=/usr/share/java
cp="$J/org.jacoco.core.jar:$J/org.jacoco.report.jar:$J/asm.jar:$J/asm-commons.jar:$J/asm-tree.jar"
# JaCoCo 0.8.6 reads class files up to Java 15; --release 11 keeps them in range.
javac --release 11 -g -d "$build/classes" src/main/java/com/example/Inventory.java
javac -cp "$cp" -d "$build/tools" tools/JacocoXml.java
# The runnable agent is packed inside org.jacoco.agent.jar (as in the Maven artifact).
unzip -p "$J/org.jacoco.agent.jar" jacocoagent.jar > "$build/jacocoagent.jar"
java -javaagent:"$build/jacocoagent.jar=destfile=$build/jacoco.exec" -cp "$build/classes" com.example.Inventory
java -cp "$cp:$build/tools" JacocoXml "$build/jacoco.exec" "$build/classes" src/main/java jacoco.xml
