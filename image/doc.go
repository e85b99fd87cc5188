// Package sdimage holds the SD card images of the Mycroft Mark II and
// Mark I, built from Debian packages (docs/images.md): the build scripts
// (build.sh for make image, stage.sh, customize.sh, inspect.sh for make
// image-test), the device-tree overlays for the upstream kernel
// (overlays/*.dts), the boot configuration per board (boot/*.txt) and the
// first-boot units and scripts (firstboot/).
//
// There is no Go code to import here: the package's tests check those
// pieces without building an image (they run in make test): the overlays
// compile with dtc without a warning and carry the nodes and properties the
// agent's board code expects, the boot configuration names them, the
// scripts parse (sh -n, shellcheck when installed), the first-boot script
// does its job in a temporary root, and the systemd units give each process
// exactly its privileges.
package sdimage
