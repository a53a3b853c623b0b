#!/bin/sh
set -e
echo "b installed"
