#!/bin/sh
touch /tmp/app-entrypoint-ran
