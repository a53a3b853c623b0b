#!/bin/sh
set -e
echo "a-z installed"
