#!/bin/sh
set -e
echo "z installed"
