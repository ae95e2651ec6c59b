# Sourced by the scripts at the repository root: finds JDK 25 and Maven, installs what the build needs.
# Usage: . bin/env.sh

anneal_die() { printf 'anneal: %s\n' "$*" >&2; exit 2; }

anneal_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p'; }

# JDK 25: $JAVA_HOME if it is one, else the first JDK 25 under the JVM folder.
anneal_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(anneal_java_major "$JAVA_HOME")" = 25 ]; then
    return 0
  fi
  local candidate
  for candidate in /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(anneal_java_major "$candidate")" = 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  anneal_die "JDK 25 not found: set JAVA_HOME to a JDK 25, or install one under /usr/lib/jvm (Temurin 25: temurin-25-jdk)"
}

# Debian packages the build and tests use; installed once, quietly, when missing.
anneal_apt_packages() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -Eq 'ok (installed|triggers-pending|triggers-awaited)' || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || anneal_die "missing Debian packages: ${missing[*]} (and no apt-get to install them)"
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "anneal: installing ${missing[*]}" >&2
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"; } >&2 \
    || anneal_die "could not install ${missing[*]}"
}

anneal_find_jdk
command -v mvn >/dev/null || anneal_die "Maven not found: install Debian's maven package (Maven 3.8+)"
# Plots render text with AWT, which needs fontconfig and at least one font; training reads Fashion-MNIST's IDX files.
anneal_apt_packages fontconfig fonts-dejavu-core dataset-fashion-mnist
export PATH="$JAVA_HOME/bin:$PATH"
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
