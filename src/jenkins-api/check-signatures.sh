#!/usr/bin/env bash
# Holds the Jenkins API stand-in (src/jenkins-api/java) against the real sources of the versions it claims, with the
# project's signature checker ApiSignatureCheck.java, kept beside the repository in shared/tools/ next to the clone
# (see docs/jenkins-api.md). The real sources are not in this repository: clone them elsewhere and pass their
# src/main/java folders (see docs/jenkins-api.md for the list of projects, tags and commits).
#
#   src/jenkins-api/check-signatures.sh REAL_SRC_DIR...
#
# Environment: API_SIGNATURE_CHECK (path of ApiSignatureCheck.java, default ../shared/tools/ApiSignatureCheck.java
# beside the repository), JAVAPARSER_JAR (default: javaparser-core 3.28.2 from the local Maven repository; fetched
# from Maven Central when missing).
set -euo pipefail
cd "$(dirname "$0")/../.."

if [ "$#" -eq 0 ]; then
  echo "usage: $0 REAL_SRC_DIR... (the src/main/java folders of Jenkins core, stapler, json-lib, symbol-annotation," >&2
  echo "       workflow-step-api, credentials, structs, workflow-api, workflow-job, workflow-cps and" >&2
  echo "       jenkins-test-harness" >&2
  echo "       at the versions in docs/jenkins-api.md)" >&2
  exit 2
fi

tool="${API_SIGNATURE_CHECK:-../shared/tools/ApiSignatureCheck.java}"
if [ ! -f "$tool" ]; then
  echo "$0: the signature checker $tool is missing: put ApiSignatureCheck.java there or set API_SIGNATURE_CHECK" >&2
  exit 2
fi
jar="${JAVAPARSER_JAR:-$HOME/.m2/repository/com/github/javaparser/javaparser-core/3.28.2/javaparser-core-3.28.2.jar}"
if [ ! -f "$jar" ]; then
  mvn -q dependency:get -Dartifact=com.github.javaparser:javaparser-core:3.28.2
fi

# Both stand-ins: the plugin's (java) and the test-only one of the harness and Pipeline job classes (test-java).
status=0
for standin in src/jenkins-api/java src/jenkins-api/test-java; do
  echo "$standin:"
  java -cp "$jar" "$tool" "$standin" "$@" || status=1
done
exit $status
