#!/bin/sh
set -e
mkdir -p /opt/late
cat /opt/hello/greeting > /opt/late/saw-hello
