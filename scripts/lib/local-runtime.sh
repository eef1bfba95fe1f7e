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

# Builds the admin UI's static export (admin-ui/out, served at /admin/) when it is missing or older than its sources,
# so a first ./scripts/run-local serves the dashboard too. A failed build is reported and the runtime starts anyway
# (the API does not need it). WIFIBILLING_NO_ADMIN_UI_BUILD=1 skips it (the browser-test harnesses build it themselves).
build_admin_ui() {
  local dir="$REPO/admin-ui"
  [[ "${WIFIBILLING_NO_ADMIN_UI_BUILD:-}" == 1 || ! -f "$dir/package.json" ]] && return 0
  if [[ -f "$dir/out/index.html" && -z "$(find "$dir/app" "$dir/components" "$dir/lib" "$dir/public" "$dir/package.json" \
      "$dir/package-lock.json" "$dir/next.config.ts" -newer "$dir/out/index.html" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  printf '%s: building the admin UI (npm ci && next build in admin-ui; about a minute, once)\n' "$1" >&2
  if ! (cd "$dir" && { [[ -d node_modules && ! package-lock.json -nt node_modules/.package-lock.json ]] \
          || npm ci --no-audit --no-fund --loglevel=error; } && NEXT_TELEMETRY_DISABLED=1 npm run build >/dev/null); then
    printf '%s: the admin UI did not build; /admin/ will be missing (the API works). Try: cd admin-ui && npm ci && npm run build\n' "$1" >&2
  fi
}
