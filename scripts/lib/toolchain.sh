# Shared by scripts/run-local, scripts/test and scripts/bench: find a JDK >= 21 and Node >= 20, or say exactly
# how to get them, and install the npm engines the local runtime and the tests start (dynalite).
# Source it; it sets JAVA_HOME, REPO, MVN (the repo's Maven wrapper) and puts the JDK first on PATH.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
MVN="$REPO/mvnw"

java_major() { # prints the major version of the java binary given (8 for 1.8), or 0
  local v
  v=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {
    split($2, p, "."); print (p[1] == "1" ? p[2] : p[1]); exit }')
  echo "${v:-0}"
}

find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  candidates+=(/usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64)
  if command -v javac >/dev/null 2>&1; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"); fi
  for home in "${candidates[@]}"; do
    if [ -x "$home/bin/javac" ] && [ "$(java_major "$home/bin/java")" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$home"; export PATH="$JAVA_HOME/bin:$PATH"
      JAVA_MAJOR="$(java_major "$home/bin/java")"
      # Pekko (in ElasticMQ) and Maven's Guava still use sun.misc.Unsafe; JDK 23+ warns on every start.
      JVM_QUIET=(); [ "$JAVA_MAJOR" -ge 23 ] && JVM_QUIET=(--sun-misc-unsafe-memory-access=allow)
      export MAVEN_OPTS="${MAVEN_OPTS:-} ${JVM_QUIET[*]}"
      return 0
    fi
  done
  cat >&2 <<'MSG'
A JDK 21 or newer is needed (the code targets Lambda's java21 runtime).
  Debian/Ubuntu:  sudo apt-get install -y openjdk-21-jdk-headless   (Debian 13 / Ubuntu 24.04)
  or Temurin:     https://adoptium.net/installation/linux/ then: sudo apt-get install -y temurin-21-jdk
Then run this again, or point JAVA_HOME at it: JAVA_HOME=/usr/lib/jvm/<jdk> ./scripts/...
MSG
  return 1
}

check_node() {
  if ! command -v node >/dev/null 2>&1 || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
    cat >&2 <<'MSG'
Node.js 20 or newer is needed (it runs dynalite, the local DynamoDB engine).
  Debian/Ubuntu:  curl -fsSL https://deb.nodesource.com/setup_20.x | sudo -E bash - && sudo apt-get install -y nodejs
  or nvm:         nvm install 20
MSG
    return 1
  fi
}

# Maven comes from the repo's wrapper ($MVN = ./mvnw): a pinned version, downloaded from Maven Central on
# first use (with curl, wget, or Java itself), so nothing needs installing for it.

# Installs local-runtime's npm packages (dynalite) when missing or older than the lock file.
install_engines() {
  local dir="$REPO/local-runtime"
  if [ ! -d "$dir/node_modules/dynalite" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    command -v npm >/dev/null 2>&1 || { echo "npm is needed to install dynalite: sudo apt-get install -y npm (NodeSource's nodejs includes it)" >&2; return 1; }
    echo "Installing the local engines (npm ci in local-runtime)…" >&2
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  fi
}
