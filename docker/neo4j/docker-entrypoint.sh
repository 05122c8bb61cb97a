#!/bin/bash
# Entry point of the chaingraph/neo4j image: Neo4j 5.26 community from its Maven Central jars, started
# the way the official neo4j image starts it, as far as Testcontainers' Neo4jContainer and compose rely on:
# - NEO4J_AUTH=neo4j/PASSWORD sets the initial password before the first start (a data folder that has
#   users already keeps them); NEO4J_AUTH=none turns authentication off; unset: Neo4j's own default.
# - NEO4J_* variables become settings: NEO4J_server_memory_pagecache_size=1G is
#   server.memory.pagecache.size=1G ("_" stands for ".", "__" for "_").
# - NEO4J_server_memory_heap_max__size sets the heap (default 512m); JAVA_OPTS adds JVM options.
# - the log goes to stdout; "Bolt enabled on 0.0.0.0:7687." and HTTP 200 on 7474 mark the server ready.
set -euo pipefail

if [ "${1:-neo4j}" != neo4j ]; then
  exec "$@"
fi

home=/var/lib/neo4j
conf=$home/conf/neo4j.conf
classpath="$home/lib/*"

settings=()
for name in $(compgen -e); do
  case "$name" in
    NEO4J_AUTH|NEO4J_HOME|NEO4J_CONF|NEO4J_EDITION|NEO4J_ACCEPT_LICENSE_AGREEMENT|NEO4J_PLUGINS|NEO4J_DEBUG) continue ;;
    NEO4J_*) ;;
    *) continue ;;
  esac
  key=${name#NEO4J_}
  key=${key//__/@}
  key=${key//_/.}
  key=${key//@/_}
  settings+=("$key=${!name}")
done

auth=${NEO4J_AUTH:-}
if [ "$auth" = none ]; then
  settings+=("dbms.security.auth_enabled=false")
fi

{
  # the image's defaults, less those a variable sets
  while IFS= read -r line; do
    case "$line" in ''|'#'*) continue ;; esac
    overridden=false
    for setting in ${settings[@]+"${settings[@]}"}; do
      [ "${line%%=*}" = "${setting%%=*}" ] && overridden=true
    done
    $overridden || printf '%s\n' "$line"
  done < "$home/conf/neo4j.conf.image"
  for setting in ${settings[@]+"${settings[@]}"}; do
    printf '%s\n' "$setting"
  done
} > "$conf"

heap=${NEO4J_server_memory_heap_max__size:-512m}
jvm=(-Xmx"$heap" -XX:+UseG1GC -XX:-OmitStackTraceInFastThrow -XX:+ExitOnOutOfMemoryError
  -Dio.netty.tryReflectionSetAccessible=true -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED)

export NEO4J_HOME=$home NEO4J_CONF=$home/conf

if [ -n "$auth" ] && [ "$auth" != none ]; then
  user=${auth%%/*}
  password=${auth#*/}
  if [ "$user" != neo4j ] || [ "$password" = "$auth" ]; then
    echo "NEO4J_AUTH must be neo4j/PASSWORD or none, not '$auth'" >&2
    exit 1
  fi
  if [ ! -f /data/dbms/auth.ini ]; then
    # before the first start only: a store that has users keeps them
    java -Xmx128m -XX:TieredStopAtLevel=1 -cp "$classpath" org.neo4j.cli.AdminTool \
      dbms set-initial-password "$password" >/dev/null
  fi
fi

exec java "${jvm[@]}" ${JAVA_OPTS:-} -cp "$classpath" org.neo4j.server.CommunityEntryPoint \
  --home-dir="$home" --config-dir="$home/conf" --console-mode
