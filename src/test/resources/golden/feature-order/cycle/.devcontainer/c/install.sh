#!/bin/sh
set -e
echo "c installed"
