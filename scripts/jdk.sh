# Sourced by ./mvnw, ./csms and .ci/run: points JAVA_HOME at a JDK 21 or newer.
# Order: $JAVA_HOME if new enough, then `java` on PATH, then the newest JDK under the usual folders.

_jdk_major() { # prints the feature version of the JDK at $1, or nothing
  [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

_jdk_pick() {
  local best="" best_v=0 cand v
  for cand in "${JAVA_HOME:-}" \
              "$(command -v javac >/dev/null 2>&1 && dirname "$(dirname "$(readlink -f "$(command -v javac)")")")" \
              /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -n "$cand" ] && [ -d "$cand" ] || continue
    v=$(_jdk_major "$cand")
    [ -n "$v" ] || continue
    if [ "$v" -ge 21 ]; then
      # $JAVA_HOME or PATH win when new enough; otherwise the newest found.
      if [ "$cand" = "${JAVA_HOME:-}" ]; then best=$cand; break; fi
      if [ "$v" -gt "$best_v" ]; then best=$cand; best_v=$v; fi
    fi
  done
  printf '%s' "$best"
}

_jdk_glob_off=false; case $- in *f*) _jdk_glob_off=true; set +f;; esac
_jdk_found=$(_jdk_pick)
$_jdk_glob_off && set -f
if [ -z "$_jdk_found" ]; then
  echo "v2g-csms needs a JDK 21 or newer (javac included), and none was found." >&2
  echo "Looked at \$JAVA_HOME (${JAVA_HOME:-unset}), the javac on PATH, /usr/lib/jvm, /opt and ~/.sdkman." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 21+) or set JAVA_HOME." >&2
  exit 1
fi
export JAVA_HOME="$_jdk_found"
export PATH="$JAVA_HOME/bin:$PATH"
unset _jdk_found _jdk_glob_off

# Maven and its plugins still touch sun.misc.Unsafe; JDK 24+ warns loudly about it. Quiet that, only there.
case "$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')" in
  2[4-9]|[3-9][0-9]) case "${MAVEN_OPTS:-}" in *sun-misc-unsafe*) ;; *) export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow";; esac;;
esac
