# weftConfig.cmake - find_package(weft) for projects that test C code with
# weft.  Installed by `make install` into PREFIX/lib/cmake/weft; finds the
# rest of the installation relative to itself, so the prefix can move.
#
#   find_package(weft REQUIRED)
#
#   weft_add_test(NAME SOURCES file.c... [ARGS arg...] [OPTIONS flag...])
#       Builds NAME from the C sources with weft-cc (instrumented: plain
#       memory accesses and pthread calls are visible to weft, so data
#       races and unmodified pthread programs are checked) and registers it
#       with CTest.  ARGS are the program's own arguments; OPTIONS are weft
#       flags ("--strategy=dfs"), passed in WEFT_OPTIONS.  A bug fails the
#       test (exit 1); an inconclusive result (exit 3) is reported as
#       skipped.  NAME is an ordinary executable target: add include
#       directories, definitions and libraries with target_*() as usual
#       (but do not link weft::weft, which weft-cc already links).
#
#   weft::weft
#       The runtime alone, for programs whose tests use weft's API
#       (WEFT_TEST, weft_spawn, the kernel models) built with the
#       project's own compiler: no instrumentation, so plain memory
#       accesses are invisible and pthread calls are not modelled.  This
#       is all pkg-config can give as well (see weft-cc(1) for why the
#       instrumentation needs weft-cc).
#
#   WEFT_CC, WEFT_EXECUTABLE
#       The weft-cc compiler driver and the weft front end.

if(CMAKE_VERSION VERSION_LESS 3.13)
	message(FATAL_ERROR "weft needs CMake 3.13 or later")
endif()

get_filename_component(_weft_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)
set(WEFT_CC "${_weft_prefix}/bin/weft-cc")
set(WEFT_EXECUTABLE "${_weft_prefix}/bin/weft")
set(WEFT_INCLUDE_DIRS "${_weft_prefix}/include")
set(_weft_launch "${CMAKE_CURRENT_LIST_DIR}/weft-launch")

foreach(_weft_file "${WEFT_CC}" "${_weft_prefix}/lib/libweft.so"
		"${_weft_prefix}/lib/weft_main.o" "${WEFT_INCLUDE_DIRS}/weft/weft.h")
	if(NOT EXISTS "${_weft_file}")
		set(weft_FOUND FALSE)
		set(weft_NOT_FOUND_MESSAGE "weft's installation lacks ${_weft_file}")
		return()
	endif()
endforeach()

if(NOT TARGET weft::weft)
	add_library(weft::weft SHARED IMPORTED)
	# The runtime is a shared library (weft restores the program's data
	# before every execution, never its own); weft_main.o receives main
	# through --wrap=main; -z now binds every call at start-up.
	set_target_properties(weft::weft PROPERTIES
		IMPORTED_LOCATION "${_weft_prefix}/lib/libweft.so"
		INTERFACE_INCLUDE_DIRECTORIES "${WEFT_INCLUDE_DIRS}"
		INTERFACE_LINK_OPTIONS "-Wl,--wrap=main;-Wl,-z,now;-Wl,-z,relro"
		INTERFACE_LINK_LIBRARIES "${_weft_prefix}/lib/weft_main.o;pthread;dl;m")
endif()

# weft-launch turns "cc ARGS" into "WEFT_CC=cc weft-cc ARGS": the target
# keeps the project's compiler and flags, and weft-cc instruments and
# links it.
function(weft_add_test name)
	cmake_parse_arguments(_w "" "" "SOURCES;ARGS;OPTIONS" ${ARGN})
	if(NOT _w_SOURCES)
		message(FATAL_ERROR "weft_add_test(${name}): SOURCES is required")
	endif()
	if(_w_UNPARSED_ARGUMENTS)
		message(FATAL_ERROR "weft_add_test(${name}): unknown arguments: ${_w_UNPARSED_ARGUMENTS}")
	endif()
	add_executable(${name} ${_w_SOURCES})
	set_target_properties(${name} PROPERTIES C_COMPILER_LAUNCHER "${_weft_launch}")
	if(CMAKE_VERSION VERSION_LESS 3.21)
		set_target_properties(${name} PROPERTIES RULE_LAUNCH_LINK "${_weft_launch}")
	else()
		set_target_properties(${name} PROPERTIES C_LINKER_LAUNCHER "${_weft_launch}")
	endif()
	target_include_directories(${name} PRIVATE "${WEFT_INCLUDE_DIRS}")
	add_test(NAME ${name} COMMAND ${name} ${_w_ARGS})
	set_tests_properties(${name} PROPERTIES SKIP_RETURN_CODE 3)
	if(_w_OPTIONS)
		string(REPLACE ";" " " _opts "${_w_OPTIONS}")
		set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT "WEFT_OPTIONS=${_opts}")
	endif()
endfunction()

set(weft_FOUND TRUE)
