#!/bin/sh
set -e
mkdir -p /opt/hello
printf '%s|%s\n' "$GREETING" "$_REMOTE_USER" > /opt/hello/greeting
