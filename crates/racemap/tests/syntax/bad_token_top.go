package main

)
