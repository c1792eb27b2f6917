@echo off
node "%~dp0\..\dist\kubelab.js" %*
