# The chaingraph service image, built from the jar that `mvn -B -ntp -DskipTests package` writes:
#   docker build -t chaingraph .                                       # on eclipse-temurin:17-jre
#   docker build --build-arg BASE=chaingraph/jre:17 -t chaingraph .   # on the base docker/build-images.sh builds
#   docker run -p 8080:8080 chaingraph                                 # embedded Neo4j in /data, the sample loaded
# Every setting is an environment variable (docs/configuration.md), e.g. -e NEO4J_URI=bolt://neo4j:7687
# -e NEO4J_PASSWORD=…; JVM options go in JAVA_TOOL_OPTIONS. See docs/operations.md.
ARG BASE=eclipse-temurin:17-jre

# The layered jar, extracted (java -Djarmode=tools): the libraries change seldom, the application often,
# so a rebuild after a code change adds one small layer.
FROM ${BASE} AS extract
LABEL io.chaingraph.stage=extract
WORKDIR /build
COPY target/chaingraph.jar chaingraph.jar
RUN java -Djarmode=tools -jar chaingraph.jar extract --layers --destination extracted

FROM ${BASE}
RUN groupadd --system --gid 10001 chaingraph \
 && useradd --system --uid 10001 --gid chaingraph --home-dir /app --no-create-home chaingraph \
 && mkdir -p /data \
 && chown chaingraph:chaingraph /data
WORKDIR /app
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
# the embedded database's files (ignored with NEO4J_URI)
ENV CHAINGRAPH_DATA_DIR=/data
VOLUME ["/data"]
USER chaingraph
EXPOSE 8080
# ready: the web server answers and the database is reachable (bash only, no HTTP client needed in the image);
# a first start with the sample load takes a few minutes on a small machine
HEALTHCHECK --interval=10s --timeout=5s --start-period=5m --retries=3 CMD ["bash", "-c", \
  "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -c 12 <&3 | grep -q ' 200'"]
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=50", "-jar", "chaingraph.jar"]
