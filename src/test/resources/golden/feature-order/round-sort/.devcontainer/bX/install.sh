#!/bin/sh
set -e
echo "bX installed"
