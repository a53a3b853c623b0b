#!/bin/sh
set -e
echo "bx installed"
