#!/bin/sh
set -e
echo "d installed"
