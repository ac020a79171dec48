#!/bin/sh
# Regenerates the OCPP 2.0.1 / 2.1 message types (modules/ocpp/src/main/java/org/v2gcsms/ocpp/{v201,v21}) from the
# OCA schemas shipped in modules/ocpp/src/main/resources. The generator is test code
# (org.v2gcsms.ocpp.codegen.OcppCodegen); GeneratedSourcesTest fails when the committed sources differ from its output.
set -eu
cd "$(dirname "$0")/.."
. scripts/jdk.sh
./mvnw -q -pl modules/ocpp test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/codegen.classpath -Dmdep.includeScope=test
m=modules/ocpp
"$JAVA_HOME/bin/java" -cp "$m/target/test-classes:$m/target/classes:$(cat $m/target/codegen.classpath)" \
  org.v2gcsms.ocpp.codegen.OcppCodegen "$m"
