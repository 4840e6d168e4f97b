# Back Coach service image. Needs an external MariaDB (DB_URL, DB_USER, DB_PASSWORD):
# the image is built without the embedded database.
#
#   docker build -t back-coach .
#   docker run -e BOT_TOKEN=... -e DB_URL=jdbc:mariadb://db:3306/backcoach -e DB_USER=... -e DB_PASSWORD=... -p 8080:8080 back-coach
#
# The base images are build arguments, so the image can be built where no registry is reachable
# (src/test/container/image-check.sh makes both from Debian packages and passes them in). The runtime stage
# installs a MariaDB server for one training start and removes it again (apt or apk, so it needs the base's
# package sources; without them the class data archive covers less of a start, see appcds-training.sh).
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUNTIME_IMAGE=eclipse-temurin:17-jre

## Build with the Maven wrapper (Java 17, like the project)
FROM ${BUILD_IMAGE} AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
# Dependencies first, so a source change does not download them again.
RUN ./mvnw -B -q -DnoEmbeddedDb dependency:go-offline || true
COPY src src
# The exercise catalogue and the questionnaires are packaged as fallback copies, and placed in /app/config
# for operators to replace.
COPY config config
# One jar (uber-jar) rather than Quarkus' fast-jar layout: its classes are on the JVM's own class path, and the
# JVM maps those from the class data archive below without reading them from the jar at all, where the classes
# of the fast-jar's class loader are still read and checked against the archive (README, "Deploy with Docker").
RUN ./mvnw -B -DnoEmbeddedDb -Dmaven.test.skip=true -Dquarkus.package.jar.type=uber-jar package \
 && mv target/back-coach-*-runner.jar target/back-coach.jar

## Run on a JRE as an unprivileged user (uid 10001, as the Kubernetes manifests expect)
FROM ${RUNTIME_IMAGE}
# Fonts for the progress chart (drawn with Java 2D, headless), unless the base already has them.
RUN if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list 2>/dev/null | head -1)" ]; then \
      if command -v apk >/dev/null 2>&1; then apk add --no-cache fontconfig ttf-dejavu; \
      else apt-get update && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core \
           && rm -rf /var/lib/apt/lists/*; fi; \
    fi \
 && mkdir -p /app/config && chown 10001:10001 /app
WORKDIR /app
COPY --from=build --chown=10001:10001 /src/target/back-coach.jar /app/back-coach.jar
COPY --from=build --chown=10001:10001 /src/config/exercises.yaml /app/config/exercises.yaml
COPY --from=build --chown=10001:10001 /src/config/questionnaires/ /app/config/questionnaires/
COPY src/main/docker/appcds-training.sh /tmp/appcds-training.sh
# One GC thread and a heap that grows only as the live set needs, the C1 compiler only: a third of the RSS of
# the JVM's defaults and a faster start; C2 would run a tap a fifth to a third cheaper, but only after ten
# minutes of traffic, and it takes 60-75 MB more and 0.5 s longer to start (README, "Cost per update"). Two
# malloc arenas instead of glibc's eight per core: 5-10 MB less resident memory, the CPU per update unchanged
# (eleventh round).
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Xms32m -XX:TieredStopAtLevel=1 -Xss512k -Djava.awt.headless=true" \
    MALLOC_ARENA_MAX=2 \
    QUARKUS_HTTP_HOST=0.0.0.0 \
    HOME=/tmp
# Class data sharing for the app's classes (AppCDS): a training start writes the classes it loaded, parsed and
# verified, to an archive every later start maps instead of loading them again. It must be this image's own
# JVM that writes it (another build's archive is refused), and it is a whole start, database and polling
# included: the script runs a throwaway MariaDB for it and removes it again in this same step.
RUN sh /tmp/appcds-training.sh /app/app-cds.jsa && rm /tmp/appcds-training.sh
USER 10001:10001
EXPOSE 8080
# The archive outside JAVA_OPTS, so that setting those keeps it; a JVM that cannot use it starts without it.
ENTRYPOINT ["sh", "-c", "exec java -XX:SharedArchiveFile=/app/app-cds.jsa $JAVA_OPTS -jar /app/back-coach.jar"]
