#!/bin/sh
set -e
echo "B2 installed"
