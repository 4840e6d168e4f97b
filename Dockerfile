# Back Coach service image. Needs an external MariaDB (DB_URL, DB_USER, DB_PASSWORD):
# the image is built without the embedded database.
#
#   docker build -t back-coach .
#   docker run -e BOT_TOKEN=... -e DB_URL=jdbc:mariadb://db:3306/backcoach -e DB_USER=... -e DB_PASSWORD=... -p 8080:8080 back-coach

## Build with the Maven wrapper (Java 17, like the project)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# The exercise catalogue is packaged as the fallback copy, and placed in /app/config for operators to replace.
COPY config config
RUN ./mvnw -B -DnoEmbeddedDb -DskipTests package

## Run on a slim JRE as an unprivileged user
FROM eclipse-temurin:21-jre-alpine
# Fonts for the progress chart (drawn with Java 2D, headless).
RUN apk add --no-cache fontconfig ttf-dejavu \
 && addgroup -S coach && adduser -S -G coach -h /app coach
WORKDIR /app
COPY --from=build --chown=coach:coach /src/target/quarkus-app/ /app/
COPY --from=build --chown=coach:coach /src/config/exercises.yaml /app/config/exercises.yaml
USER coach
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75 -Djava.awt.headless=true" \
    QUARKUS_HTTP_HOST=0.0.0.0
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD wget -q -O /dev/null "http://127.0.0.1:${QUARKUS_HTTP_PORT:-8080}/q/health/ready" || exit 1
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar"]
