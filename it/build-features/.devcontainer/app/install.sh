#!/bin/sh
set -e
# ./base is installed first (dependsOn): its file is there
mkdir -p /opt/app
cp /opt/base/greeting /opt/app/saw-base
echo "$FLAVOUR" > /opt/app/flavour
install -m 0755 entrypoint.sh /usr/local/share/app-entrypoint.sh
