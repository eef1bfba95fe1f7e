# Shared by the Java benchmarks in scripts/bench (payment-capacity, callback-latency). Source it after
# toolchain.sh; run_java_bench builds everything (tests compiled, none run) and runs one bench class from
# local-runtime's test classes on the test classpath. The report goes to stdout; the runtime's JSON log lines and
# EMF metrics go to a temporary file whose path the report names first.
run_java_bench() { # CLASS [ARGS...]
  local class=$1; shift
  find_jdk && check_node && install_engines
  cd "$REPO"
  "$MVN" -q -B -ntp -DskipTests install
  local cp_file log
  cp_file=$(mktemp)
  log=$(mktemp --suffix=.log)
  "$MVN" -q -B -ntp -pl local-runtime dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
  # The project's own modules come from this checkout's target/ (just built), not from ~/.m2, where another
  # checkout's install may have put different classes since (the local Maven repository is shared).
  local classpath entry deps=()
  while IFS= read -r entry; do
    if [[ $entry =~ /com/wifibilling/([a-z-]+)/[^/]+/[^/]+-tests\.jar$ ]]; then deps+=("$REPO/${BASH_REMATCH[1]}/target/test-classes")
    elif [[ $entry =~ /com/wifibilling/([a-z-]+)/[^/]+/[^/]+\.jar$ ]]; then deps+=("$REPO/${BASH_REMATCH[1]}/target/classes")
    else deps+=("$entry"); fi
  done < <(tr ':' '\n' < "$cp_file")
  rm -f "$cp_file"
  classpath="local-runtime/target/test-classes:local-runtime/target/classes:$(IFS=:; echo "${deps[*]}")"
  "$JAVA_HOME/bin/java" "${JVM_QUIET[@]}" -Dbench.log="$log" -Dwifibilling.home="$REPO" -cp "$classpath" "$class" "$@"
}
