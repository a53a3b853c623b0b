#!/bin/sh
set -e
echo "m installed"
