module sebuf.test/surface

go 1.22
