#!/bin/sh
set -e
mkdir -p /opt/base/bin
printf '%s|%s|%s\n' "$GREETING" "$_REMOTE_USER" "$_REMOTE_USER_HOME" > /opt/base/greeting
