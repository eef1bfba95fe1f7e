# Shared by scripts/run-local and scripts/seed-packages: build local-runtime only when sources changed since the
# last build, and the classpath its main classes run from (target/lib + the module jar; no fat jar).
# Source it after lib/toolchain.sh and find_jdk (it uses $REPO, $MVN, $JAVA_HOME and $JAVA_MAJOR).

LOCAL_RUNTIME_DIR="$REPO/local-runtime"
LOCAL_RUNTIME_STAMP="$LOCAL_RUNTIME_DIR/target/.run-local-build"

local_runtime_jar() { compgen -G "$LOCAL_RUNTIME_DIR/target/local-runtime-*.jar" | head -n 1 || true; }

local_runtime_changed() { # any pom.xml or main source newer than the last successful build
  [[ -f "$LOCAL_RUNTIME_STAMP" && -n "$(local_runtime_jar)" && -d "$LOCAL_RUNTIME_DIR/target/lib" ]] || return 0
  [[ -n "$(find "$REPO" \( -name target -o -name node_modules -o -name .git \) -prune -o -type f \
      \( -name pom.xml -o -path '*/src/main/*' \) -newer "$LOCAL_RUNTIME_STAMP" -print -quit)" ]]
}

# Builds (./mvnw -q -B -DskipTests install) when needed; $1 names the script in its one line of output.
build_local_runtime() {
  local who="$1" started
  local_runtime_changed || return 0
  printf '%s: building (./mvnw -q -B -DskipTests install) with Java %s from %s\n' "$who" "$JAVA_MAJOR" "$JAVA_HOME" >&2
  mkdir -p "$LOCAL_RUNTIME_DIR/target" || return 1
  started="$(mktemp "$LOCAL_RUNTIME_DIR/target/.run-local-build.XXXXXX")" || return 1 # sources changed during the build count next time
  trap 'rm -f "$started"' EXIT                                              # an interrupted build leaves no stamp
  (cd "$REPO" && "$MVN" -q -B -DskipTests install) || return 1
  mv "$started" "$LOCAL_RUNTIME_STAMP" || return 1
  trap - EXIT
}

# Prints the classpath of local-runtime's main classes (after build_local_runtime).
local_runtime_classpath() { printf '%s:%s/target/lib/*' "$(local_runtime_jar)" "$LOCAL_RUNTIME_DIR"; }
