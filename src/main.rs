fn main() {
    println!("zan");
}
