#!/bin/sh
set -e
echo "a installed"
