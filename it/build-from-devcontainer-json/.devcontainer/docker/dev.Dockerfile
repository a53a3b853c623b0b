FROM debian:trixie AS base
ARG GREETING=default
ARG TEAM=default
ARG FOLDER=default
ARG FROM_POM=default
LABEL it.greeting="${GREETING}" it.team="${TEAM}" it.folder="${FOLDER}" it.from-pom="${FROM_POM}"
ENV IT_GREETING="${GREETING}"
COPY . /ctx/

FROM base AS dev
LABEL it.stage="dev"

FROM base AS last
LABEL it.stage="last"
