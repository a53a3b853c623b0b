#!/bin/sh
set -e
echo "k installed"
