#!/bin/sh
set -e
mkdir -p /opt/app
cat /opt/hello/greeting > /opt/app/saw-hello
