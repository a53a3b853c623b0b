#!/bin/sh
set -e
echo "b_y installed"
