#!/bin/sh
set -e
echo "b-x installed"
