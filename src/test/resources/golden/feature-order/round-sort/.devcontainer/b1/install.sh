#!/bin/sh
set -e
echo "b1 installed"
