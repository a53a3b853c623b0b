#!/bin/sh
set -e
echo "b_x installed"
